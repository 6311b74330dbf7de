import type { TableResult } from "@widgetplatform/client";
import { formatKey, formatNumber } from "../format";

interface TableViewProps {
    readonly result: TableResult;
    readonly keyLabel: string;
    readonly valueLabel: string;
}

/** The top rows in the gateway's order, each with a bar scaled to the largest value. */
export function TableView({ result, keyLabel, valueLabel }: TableViewProps) {
    const largest = Math.max(0, ...result.rows.map((row) => row.value ?? 0));
    return (
        <table className="top-table">
            <thead>
                <tr>
                    <th scope="col" className="rank">
                        #
                    </th>
                    <th scope="col">{keyLabel}</th>
                    <th scope="col" className="number">
                        {valueLabel}
                    </th>
                </tr>
            </thead>
            <tbody>
                {result.rows.map((row, index) => (
                    <tr key={index} data-testid="table-row">
                        <td className="rank">{index + 1}</td>
                        <td>
                            <span className="row-key">{formatKey(row.key)}</span>
                            <span
                                className="row-bar"
                                style={{ width: `${largest > 0 ? (Math.max(0, row.value ?? 0) / largest) * 100 : 0}%` }}
                            />
                        </td>
                        <td className="number">{formatNumber(row.value)}</td>
                    </tr>
                ))}
            </tbody>
        </table>
    );
}
