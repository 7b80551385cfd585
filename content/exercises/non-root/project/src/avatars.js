import sharp from 'sharp';
import { join } from 'node:path';

/** Where a user's avatar is stored; null for names that could escape the directory. */
export function avatarPath(dir, user) {
  return /^[a-z0-9_-]{1,40}$/i.test(user) ? join(dir, `${user}.webp`) : null;
}

/** 256x256, cropped to fill, WebP. */
export function resize(input, output) {
  return sharp(input).resize(256, 256, { fit: 'cover' }).webp({ quality: 80 }).toFile(output);
}
