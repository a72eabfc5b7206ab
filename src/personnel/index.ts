/** Staff types of the HR roster (พนักงานเทศบาล, พนักงานจ้าง…), e.g. for HR criteria templates. */
export { STAFF_TYPES, type StaffType } from './schema.js';
