import { SeededRandom } from '../random/seeded-random.js';
import { MS_PER_DAY, parseCalendarDay } from '../time/calendar-day.js';
import { timestampText } from '../time/timestamp-text.js';
import { CITY_COUNT, EMPLOYEE_COUNT } from './grocery-scale.js';
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, MIDDLE_INITIALS } from './reference-data/person-names.js';

const BIRTH_FROM = parseCalendarDay('1950-01-01', 'birth range');
const BIRTH_TO = parseCalendarDay('1995-12-31', 'birth range');
const HIRE_FROM = parseCalendarDay('2010-01-01', 'hire range');
const HIRE_TO = parseCalendarDay('2017-12-31', 'hire range');

/** The salespeople. BirthDate is a date at midnight; HireDate carries a time, as in the source. */
export function employeeRows(seed: number): string[][] {
  const random = new SeededRandom(seed, 'employees');
  const rows: string[][] = [];
  for (let id = 1; id <= EMPLOYEE_COUNT; id++) {
    const female = random.float() < 0.5;
    const birthDay = random.intBetween(BIRTH_FROM, BIRTH_TO);
    const hiredAt = random.intBetween(HIRE_FROM, HIRE_TO) * MS_PER_DAY + random.int(MS_PER_DAY);
    rows.push([
      String(id),
      random.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES),
      random.pick(MIDDLE_INITIALS),
      random.pick(LAST_NAMES),
      timestampText(birthDay * MS_PER_DAY),
      female ? 'F' : 'M',
      String(random.intBetween(1, CITY_COUNT)),
      timestampText(hiredAt),
    ]);
  }
  return rows;
}
