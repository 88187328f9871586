import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { MonitoringFilterQuery } from '../../figures/filters.js';

export const EXPORT_FORMATS = ['csv', 'ocds'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CSV_DATASETS = ['agreements', 'obligations'] as const;
export type CsvDataset = (typeof CSV_DATASETS)[number];

/** `GET /monitoring/export`: the format, the CSV dataset, and the monitoring filters (same meaning as the figures'). */
export class MonitoringExportQuery extends MonitoringFilterQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv', description: 'csv: a CSV file (see dataset); ocds: an Open Contracting Data Standard 1.1 release package (JSON)' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: 'format must be csv or ocds' })
  format?: ExportFormat;

  @ApiPropertyOptional({
    enum: CSV_DATASETS,
    default: 'agreements',
    description: 'format=csv only: agreements (one row per agreement with its compliance figures) or obligations (one row per obligation)',
  })
  @IsOptional()
  @IsIn(CSV_DATASETS, { message: 'dataset must be agreements or obligations' })
  dataset?: CsvDataset;
}
