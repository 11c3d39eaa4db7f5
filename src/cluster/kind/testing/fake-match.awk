# For fake-tool.sh: logs the call (newlines as \n) to FAKE_LOG, then prints "fail" when FAKE_FAIL matches
# it, else the number of the first FAKE_MATCHES line (a POSIX extended regex) that matches, 0 for none.
BEGIN {
  line = ENVIRON["FAKE_LINE"]
  logged = line
  gsub(/\n/, "\\\\n", logged)
  print logged >> ENVIRON["FAKE_LOG"]
  fail = ENVIRON["FAKE_FAIL"]
  if (fail != "" && line ~ fail) { print "fail"; exit }
  while ((getline re < ENVIRON["FAKE_MATCHES"]) > 0) {
    n++
    if (line ~ re) { print n; exit }
  }
  print 0
}
