import { describe, expect, it } from 'vitest';
import { VIDEO_MIME_TYPES } from './posting';
import {
  CONTAINER_MIME_TYPES,
  VIDEO_EXTENSIONS,
  VIDEO_FILE_ACCEPT,
  isCompatibleVideoType,
  videoMimeTypeOfName,
} from './video-files';

describe('the video file table', () => {
  it('labels every container with one of the types TikTok takes, and each type once', () => {
    expect(Object.values(CONTAINER_MIME_TYPES).sort()).toEqual([...VIDEO_MIME_TYPES].sort());
  });

  it.each([
    ['clip.mp4', 'video/mp4'],
    ['CLIP.MP4', 'video/mp4'],
    ['phone.m4v', 'video/mp4'],
    ['holiday.final.mov', 'video/quicktime'],
    ['screen.webm', 'video/webm'],
    ['movie.mkv', null],
    ['notes.mp4.txt', null],
    ['mp4', null],
    ['constructor', null],
    ['clip.constructor', null],
  ])('names %s as %s', (name, type) => {
    expect(videoMimeTypeOfName(name)).toBe(type);
  });

  it('accepts in the file picker exactly the types and extensions of the table', () => {
    expect(VIDEO_FILE_ACCEPT.split(',')).toEqual([
      ...VIDEO_MIME_TYPES,
      ...Object.keys(VIDEO_EXTENSIONS).map((ext) => `.${ext}`),
    ]);
    expect(VIDEO_FILE_ACCEPT).toBe('video/mp4,video/quicktime,video/webm,.mp4,.m4v,.mov,.webm');
  });

  it('treats MP4 and QuickTime as one family, WebM apart', () => {
    expect(isCompatibleVideoType('video/mp4', 'video/quicktime')).toBe(true);
    expect(isCompatibleVideoType('video/quicktime', 'video/mp4')).toBe(true);
    expect(isCompatibleVideoType('video/webm', 'video/webm')).toBe(true);
    expect(isCompatibleVideoType('video/webm', 'video/mp4')).toBe(false);
    expect(isCompatibleVideoType('video/mp4', 'video/webm')).toBe(false);
  });
});
