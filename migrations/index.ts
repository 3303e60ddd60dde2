import * as migration_20261127_054058_initial from './20261127_054058_initial'
import * as migration_20261127_073710_storage_fields from './20261127_073710_storage_fields'
import * as migration_20261204_172327_record_integrity from './20261204_172327_record_integrity'
import * as migration_20261205_051956_host_media_composition from './20261205_051956_host_media_composition'
import * as migration_20261205_070432_publication_error_codes from './20261205_070432_publication_error_codes'

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
    name: '20261204_172327_record_integrity',
  },
  {
    up: migration_20261205_051956_host_media_composition.up,
    down: migration_20261205_051956_host_media_composition.down,
    name: '20261205_051956_host_media_composition',
  },
  {
    up: migration_20261205_070432_publication_error_codes.up,
    down: migration_20261205_070432_publication_error_codes.down,
    name: '20261205_070432_publication_error_codes',
  },
]
