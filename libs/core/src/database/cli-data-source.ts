import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source.js';

/**
 * For the TypeORM CLI only (`npm run migration:generate -- <name>`), run from the repository root
 * after a build. The apps register entities through their modules; the CLI finds the built ones.
 */
export const AppDataSource = new DataSource({ ...dataSourceOptions(), entities: ['dist/libs/*/src/entities/*.entity.js'] });
export default AppDataSource;
