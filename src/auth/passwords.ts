/**
 * Password policy (NIST SP 800-63B style): a minimum length, a maximum (bcrypt-like
 * costs and request size), and no password from a list of the most common ones, no
 * trivial pattern (one repeated character, a keyboard or number run), and not the
 * account's own email or name. No composition rules (they do not help, per NIST).
 */
import type { SopMessageKey } from '../translations/index.js'

export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 256

/**
 * The most common passwords of at least 10 characters in public breach corpora
 * (SecLists "10k most common", filtered by length), plus Indonesian office favourites.
 * Compared lower-case; kept short on purpose: the length rule does most of the work.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '1234567890',
  '0987654321',
  '12345678910',
  '123456789a',
  'a123456789',
  '1q2w3e4r5t',
  '1q2w3e4r5t6y',
  'qwertyuiop',
  'qwerty1234',
  'qwerty12345',
  'qwerty123456',
  '1qaz2wsx3edc',
  'zaq12wsxcde3',
  'asdfghjkl1',
  'asdfghjkl;',
  'zxcvbnm123',
  'password1',
  'password12',
  'password123',
  'password1234',
  'password12345',
  'passw0rd123',
  'p@ssw0rd123',
  'p@ssword123',
  'password!',
  'password01',
  'iloveyou12',
  'iloveyou123',
  'football123',
  'baseball123',
  'superman123',
  'starwars123',
  'princess123',
  'sunshine123',
  'welcome123',
  'welcome1234',
  'letmein123',
  'changeme123',
  'administrator',
  'admin12345',
  'admin123456',
  'administrator1',
  'abcdefghij',
  'abcd1234567',
  'abc1234567',
  'abcdef1234',
  'michael123',
  'jennifer123',
  'trustno1234',
  'computer123',
  'internet123',
  'whatever123',
  'qwertyuiop1',
  'mypassword',
  'mypassword1',
  'secret1234',
  'passwordpassword',
  'default123',
  'test123456',
  'testing123',
  'master12345',
  // Indonesian
  'indonesia1',
  'indonesia123',
  'indonesia45',
  'bismillah1',
  'bismillah123',
  'bismillah99',
  'alhamdulillah',
  'rahasia123',
  'rahasia1234',
  'katasandi1',
  'katasandi123',
  'sayangku123',
  'merdeka1945',
  'garuda1945',
  'pancasila1',
  'pancasila45',
  'jakarta123',
  'cintaku123',
  'lamandau123',
  'kalteng123',
  'pemkab12345',
  'diskominfo1',
  'diskominfo123',
  'ppid123456',
  'ppid12345678',
  'medsos12345',
  'admin-medsos',
])

const KEYBOARD_RUNS = [
  '1234567890',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'abcdefghijklmnopqrstuvwxyz',
]

/** One character repeated, or a run along the keyboard/alphabet/digits (either direction), possibly repeated. */
function trivial(lower: string): boolean {
  if (/^(.)\1+$/.test(lower)) return true
  // A short unit repeated (abcabcabc, 12121212…)
  if (/^(.{1,4})\1+$/.test(lower)) return true
  for (const run of KEYBOARD_RUNS) {
    const twice = run + run
    const back = [...twice].reverse().join('')
    if (twice.includes(lower) || back.includes(lower)) return true
  }
  return false
}

export interface PasswordProblem {
  key: SopMessageKey
  vars: Record<string, unknown>
}

/** Why this password is refused, or null. `personal`: the account's email, name… */
export function passwordProblem(password: string, personal: string[] = []): PasswordProblem | null {
  const length = [...password].length
  if (length < PASSWORD_MIN_LENGTH)
    return { key: 'passwordTooShort', vars: { min: PASSWORD_MIN_LENGTH } }
  if (length > PASSWORD_MAX_LENGTH)
    return { key: 'passwordTooLong', vars: { max: PASSWORD_MAX_LENGTH } }
  const lower = password.toLowerCase()
  if (COMMON_PASSWORDS.has(lower) || trivial(lower)) return { key: 'passwordCommon', vars: {} }
  for (const value of personal) {
    const v = value.trim().toLowerCase()
    if (!v) continue
    const local = v.includes('@') ? v.split('@')[0]! : v
    if (lower === v || (local.length >= 4 && lower === local))
      return { key: 'passwordLikeEmail', vars: {} }
  }
  return null
}
