import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../testing/fake-upload-transport';
import { jobRecord } from '../testing/job-record';
import { loadJobs, saveJobs, UPLOADS_STORAGE_KEY } from './job-store';

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
