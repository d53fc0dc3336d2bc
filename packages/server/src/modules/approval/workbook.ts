import type { Statistics } from '@yiwang/contracts';
import ExcelJS from 'exceljs';

const share = (v: number | null) => (v === null ? '' : Math.round(v * 1000) / 10);
const days = (v: number | null) => (v === null ? '' : Math.round(v * 10) / 10);

/** The statistics as an Excel workbook: departments, then months; Chinese headings first. */
export async function statisticsWorkbook(stats: Statistics): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '一网政务平台';
  const units = book.addWorksheet('部门统计');
  units.columns = [
    { header: '部门 Department', key: 'unit', width: 32 },
    { header: '收件 Received', key: 'received', width: 14 },
    { header: '受理 Accepted', key: 'accepted', width: 14 },
    { header: '办结 Decided', key: 'decided', width: 14 },
    { header: '准予 Granted', key: 'granted', width: 14 },
    { header: '按时办结 On time', key: 'onTime', width: 16 },
    { header: '按时办结率(%) On-time share', key: 'onTimeShare', width: 22 },
    { header: '平均用时(工作日) Avg working days', key: 'averageWorkingDays', width: 24 },
    { header: '评价数 Ratings', key: 'ratings', width: 14 },
    { header: '满意率(%) Satisfaction', key: 'satisfaction', width: 18 },
  ];
  const row = (name: string, f: Statistics['province']) => ({
    unit: name,
    ...f,
    onTimeShare: share(f.onTimeShare),
    averageWorkingDays: days(f.averageWorkingDays),
    satisfaction: share(f.satisfaction),
  });
  for (const d of stats.departments) units.addRow(row(d.unit.name.zh, d));
  units.addRow(row('合计 Total', stats.province)).font = { bold: true };
  units.getRow(1).font = { bold: true };
  const months = book.addWorksheet('月度趋势');
  months.columns = [
    { header: '月份 Month', key: 'month', width: 12 },
    { header: '收件 Received', key: 'received', width: 14 },
    { header: '办结 Decided', key: 'decided', width: 14 },
    { header: '按时办结 On time', key: 'onTime', width: 16 },
  ];
  for (const m of stats.months) months.addRow(m);
  months.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
