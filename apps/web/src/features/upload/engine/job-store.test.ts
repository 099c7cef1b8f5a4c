import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../testing/fake-upload-transport';
import { jobRecord } from '../testing/job-record';
import { loadJobs, saveJobs, UPLOADS_STORAGE_KEY, uploadsStorageKey } from './job-store';

const record = jobRecord('uploading', { acknowledgedChunks: 1 });

describe('the stored queue', () => {
  it('round-trips', () => {
    const storage = new MemoryStorage();
    saveJobs(storage, [record]);
    expect(loadJobs(storage)).toEqual([record]);
  });

  it('drops entries that fail validation and keeps the rest', () => {
    const storage = new MemoryStorage();
    storage.setItem(UPLOADS_STORAGE_KEY, JSON.stringify({ version: 2, jobs: [{ id: 'broken' }, record] }));
    expect(loadJobs(storage)).toEqual([record]);
  });

  it('reads garbage, another version or nothing as an empty queue', () => {
    const storage = new MemoryStorage();
    expect(loadJobs(storage)).toEqual([]);
    storage.setItem(UPLOADS_STORAGE_KEY, '{not json');
    expect(loadJobs(storage)).toEqual([]);
    storage.setItem(UPLOADS_STORAGE_KEY, JSON.stringify({ version: 1, jobs: [record] }));
    expect(loadJobs(storage)).toEqual([]);
    expect(loadJobs(null)).toEqual([]);
  });

  it('drops a job whose state and publish id disagree', () => {
    const storage = new MemoryStorage();
    const held = { ...jobRecord('uploading'), upload: null };
    const unsent = { ...jobRecord('queued'), upload: jobRecord('uploading').upload };
    storage.setItem(UPLOADS_STORAGE_KEY, JSON.stringify({ version: 2, jobs: [held, unsent, record] }));
    expect(loadJobs(storage)).toEqual([record]);
  });

  it("does not hand one creator's queue to another", () => {
    const storage = new MemoryStorage();
    saveJobs(storage, [record], 'open-id-ava');
    expect(loadJobs(storage, 'open-id-ava')).toEqual([record]);
    expect(loadJobs(storage, 'open-id-pia')).toEqual([]);
  });
});

describe('the stored queues of several accounts', () => {
  it('keeps each account’s queue under its own key, so one never overwrites the other', () => {
    const storage = new MemoryStorage();
    const other = jobRecord('processing', { id: 'job-pia' });
    saveJobs(storage, [record], 'open-id-ava');
    saveJobs(storage, [other], 'open-id-pia');

    expect(loadJobs(storage, 'open-id-ava')).toEqual([record]);
    expect(loadJobs(storage, 'open-id-pia')).toEqual([other]);
    expect(storage.read(uploadsStorageKey('open-id-ava'))).toMatchObject({ owner: 'open-id-ava' });
  });

  it('takes over the queue an older version kept under the one key, for its owner only', () => {
    const storage = new MemoryStorage();
    storage.setItem(UPLOADS_STORAGE_KEY, JSON.stringify({ version: 2, owner: 'open-id-ava', jobs: [record] }));

    expect(loadJobs(storage, 'open-id-pia')).toEqual([]);
    saveJobs(storage, [], 'open-id-pia');
    expect(storage.getItem(UPLOADS_STORAGE_KEY)).not.toBeNull();

    expect(loadJobs(storage, 'open-id-ava')).toEqual([record]);
    saveJobs(storage, [record], 'open-id-ava');
    expect(storage.getItem(UPLOADS_STORAGE_KEY)).toBeNull();
    expect(loadJobs(storage, 'open-id-ava')).toEqual([record]);
  });
});
