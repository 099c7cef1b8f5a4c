import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../testing/fake-upload-transport';
import { loadJobs, saveJobs, UPLOADS_STORAGE_KEY, type JobRecord } from './job-store';

const record: JobRecord = {
  id: 'job-1',
  mode: 'draft',
  state: 'uploading',
  createdAt: 1,
  file: { name: 'clip.mp4', size: 25, lastModified: 2, type: 'video/mp4', headSha256: 'a'.repeat(64) },
  post: null,
  creatorUsername: null,
  expectsPostLink: false,
  upload: { publishId: 'v_pub_file~1', uploadSession: 's', videoSize: 25, chunkSize: 10, chunkCount: 2, expiresAt: 10 },
  acknowledgedChunks: 1,
  lastStatus: null,
  processingSince: null,
  publishedAt: null,
  postUrl: null,
  awaitingPostLink: false,
  failReason: null,
  error: null,
  needsFileReason: null,
  resumable: false,
  notice: null,
};

describe('the stored queue', () => {
  it('round-trips', () => {
    const storage = new MemoryStorage();
    saveJobs(storage, [record]);
    expect(loadJobs(storage)).toEqual([record]);
  });

  it('drops entries that fail validation and keeps the rest', () => {
    const storage = new MemoryStorage();
    storage.setItem(UPLOADS_STORAGE_KEY, JSON.stringify({ version: 1, jobs: [{ id: 'broken' }, record] }));
    expect(loadJobs(storage)).toEqual([record]);
  });

  it('reads garbage, another version or nothing as an empty queue', () => {
    const storage = new MemoryStorage();
    expect(loadJobs(storage)).toEqual([]);
    storage.setItem(UPLOADS_STORAGE_KEY, '{not json');
    expect(loadJobs(storage)).toEqual([]);
    storage.setItem(UPLOADS_STORAGE_KEY, JSON.stringify({ version: 2, jobs: [record] }));
    expect(loadJobs(storage)).toEqual([]);
    expect(loadJobs(null)).toEqual([]);
  });

  it("does not hand one creator's queue to another", () => {
    const storage = new MemoryStorage();
    saveJobs(storage, [record], 'open-id-ava');
    expect(loadJobs(storage, 'open-id-ava')).toEqual([record]);
    expect(loadJobs(storage, 'open-id-pia')).toEqual([]);
  });
});
