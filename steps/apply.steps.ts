/**
 * Applying manifests as the tutorial does: the file is copied into the scenario's work folder and
 * `kubectl apply -f <file>` runs there (on the client host), so kubectl's own messages name the file.
 */
import { Then, When } from '@cucumber/cucumber';
import { access, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HarnessError } from '../src/index.ts';
import type { LabWorld } from './world.ts';

const HOST = { kind: 'host' } as const;

async function copyManifest(world: LabWorld, relative: string): Promise<string> {
  const source = path.resolve(world.featureDir, relative);
  try {
    await access(source);
  } catch {
    throw new HarnessError('NOT_FOUND', `manifest "${relative}" not found: looked for ${path.relative(process.cwd(), source)} (paths are relative to the feature file's folder)`);
  }
  const name = path.basename(source);
  await writeFile(path.join(world.workdir, name), await world.expand(await readFile(source, 'utf8')));
  return name;
}

async function writeDocString(world: LabWorld, yaml: string): Promise<string> {
  world.docStrings += 1;
  const name = world.docStrings === 1 ? 'manifest.yaml' : `manifest-${world.docStrings}.yaml`;
  await writeFile(path.join(world.workdir, name), await world.expand(yaml.endsWith('\n') ? yaml : yaml + '\n'));
  return name;
}

When('I apply {string}', async function (this: LabWorld, file: string) {
  await this.runCommand(`kubectl apply -f ${await copyManifest(this, file)}`, HOST, {}, 'apply');
});

When('I apply:', async function (this: LabWorld, yaml: string) {
  await this.runCommand(`kubectl apply -f ${await writeDocString(this, yaml)}`, HOST, {}, 'apply');
});

When('I try to apply {string}', async function (this: LabWorld, file: string) {
  await this.runCommand(`kubectl apply -f ${await copyManifest(this, file)}`, HOST, { mayFail: true }, 'apply');
});

When('I try to apply:', async function (this: LabWorld, yaml: string) {
  await this.runCommand(`kubectl apply -f ${await writeDocString(this, yaml)}`, HOST, { mayFail: true }, 'apply');
});

When('I write {string}:', async function (this: LabWorld, file: string, content: string) {
  if (file.includes('/') || file.startsWith('.')) throw new HarnessError('INVALID_INPUT', `"${file}" must be a plain file name: files are written into the scenario's work folder`);
  await writeFile(path.join(this.workdir, file), await this.expand(content.endsWith('\n') ? content : content + '\n'));
  this.attach(`[root@client ~]# vim ${file}\n${content}\n`, 'text/plain');
});

Then('the apply fails with {string}', async function (this: LabWorld, message: string) {
  this.checkFailures(await this.expand(message), 'apply');
});
