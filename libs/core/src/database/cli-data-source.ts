import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source.js';

/** For the TypeORM CLI (`typeorm migration:* -d dist/libs/core/src/database/cli-data-source.js`). */
export const AppDataSource = new DataSource(dataSourceOptions());
export default AppDataSource;
