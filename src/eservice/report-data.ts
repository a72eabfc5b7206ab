import type { DbOrTx } from '../core/db/client.js';
import { listUnits } from '../core/agencies/units.js';
import { listStaffMembers } from '../core/agencies/staff-members.js';
import { discretionReport } from './discretion.js';
import { listServices } from './queries.js';

/** The discretion report with names for its ids (services, units, officers of this agency). */
export async function gatherDiscretionReport(db: DbOrTx, agencyId: string, fiscalYear: number) {
  const [rows, services, units, members] = await Promise.all([
    discretionReport(db, agencyId, fiscalYear),
    listServices(db, agencyId),
    listUnits(db, agencyId),
    listStaffMembers(db, agencyId),
  ]);
  const name = <T>(list: T[], id: (x: T) => string, label: (x: T) => string) => {
    const map = new Map(list.map((x) => [id(x), label(x)]));
    return (key: string | null) => (key ? (map.get(key) ?? '—') : '—');
  };
  return {
    fiscalYear,
    rows,
    serviceName: name(
      services,
      (s) => s.id,
      (s) => s.manual.name,
    ) as (id: string) => string,
    unitName: name(
      units,
      (u) => u.id,
      (u) => u.nameTh,
    ),
    officerName: name(
      members,
      (m) => m.user.id,
      (m) => m.user.displayName,
    ),
  };
}
