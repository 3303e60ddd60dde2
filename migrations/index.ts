import * as migration_20261127_054058_initial from './20261127_054058_initial';
import * as migration_20261127_073710_storage_fields from './20261127_073710_storage_fields';

export const migrations = [
  {
    up: migration_20261127_054058_initial.up,
    down: migration_20261127_054058_initial.down,
    name: '20261127_054058_initial',
  },
  {
    up: migration_20261127_073710_storage_fields.up,
    down: migration_20261127_073710_storage_fields.down,
    name: '20261127_073710_storage_fields'
  },
];
