import * as migration_20261127_054058_initial from './20261127_054058_initial';
import * as migration_20261127_073710_storage_fields from './20261127_073710_storage_fields';
import * as migration_20261204_172327_record_integrity from './20261204_172327_record_integrity';

export const migrations = [
  {
    up: migration_20261127_054058_initial.up,
    down: migration_20261127_054058_initial.down,
    name: '20261127_054058_initial',
  },
  {
    up: migration_20261127_073710_storage_fields.up,
    down: migration_20261127_073710_storage_fields.down,
    name: '20261127_073710_storage_fields',
  },
  {
    up: migration_20261204_172327_record_integrity.up,
    down: migration_20261204_172327_record_integrity.down,
    name: '20261204_172327_record_integrity'
  },
];
