import type { EntryTable } from '../schema.js';

/** An OIT item's table as citizens see it; the approver's panel shows the same rendering. */
export function EntryTableView(props: { table: EntryTable }) {
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            {props.table.columns.map((col) => (
              <th scope="col">{col}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.table.rows.map((row) => (
            <tr>
              {row.map((cell) => (
                <td>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
