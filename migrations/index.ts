import * as migration_20261127_054058_initial from './20261127_054058_initial';

export const migrations = [
  {
    up: migration_20261127_054058_initial.up,
    down: migration_20261127_054058_initial.down,
    name: '20261127_054058_initial'
  },
];
