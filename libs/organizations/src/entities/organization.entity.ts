import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Scale, SizeRegimeCode } from '../domain/classification.js';

/** bigint ↔ number at the edge: rupiah fits a JS number exactly far beyond any firm's turnover. */
export const bigintToNumber = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null || v === undefined ? null : Number(v)),
};

export type OrganizationKind = 'enterprise' | 'partner';
export const NEEDS = ['CAPITAL', 'MARKETING', 'RAW_MATERIALS', 'TECHNOLOGY', 'MANAGEMENT', 'BUREAUCRACY', 'INFRASTRUCTURE', 'PARTNERSHIP'] as const;
export type Need = (typeof NEEDS)[number];
export const CAPACITY_PERIODS = ['WEEK', 'MONTH', 'YEAR'] as const;
export type CapacityPeriod = (typeof CAPACITY_PERIODS)[number];
export const KNOWN_CERTIFICATIONS = ['PIRT', 'HALAL', 'SNI', 'BPOM_MD', 'BPOM_ML', 'ISO_9001', 'ORGANIC'] as const;

export interface Capacity {
  product: string;
  quantity: number;
  unit: string;
  period: CapacityPeriod;
}
export interface Certification {
  type: string;
  number: string;
  validUntil: string | null;
}
export interface Pic {
  name: string;
  position: string;
  email: string;
  phone: string;
}

@Entity({ name: 'organization' })
export class Organization {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') kind: OrganizationKind;
  @Column('text') name: string;
  @Column('char', { length: 13 }) nib: string;
  @Column('text', { nullable: true }) npwp: string | null;
  @Column('text', { nullable: true }) legalForm: string | null;
  @Column('text', { nullable: true }) address: string | null;
  @Column('text') regionCode: string;
  @Column('text') provinceCode: string;
  @Column('text', { array: true }) regionPath: string[];
  @Column('double precision', { nullable: true }) lat: number | null;
  @Column('double precision', { nullable: true }) lng: number | null;
  @Column('text', { array: true }) kbliCodes: string[];
  @Column('text', { array: true }) kbliPrefixes: string[];
  @Column('bigint', { nullable: true, transformer: bigintToNumber }) netAssetsIdr: number | null;
  @Column('bigint', { nullable: true, transformer: bigintToNumber }) annualSalesIdr: number | null;
  @Column('integer', { nullable: true }) workforce: number | null;
  @Column('integer', { nullable: true }) foundedYear: number | null;
  @Column('text', { nullable: true }) contactEmail: string | null;
  @Column('text', { nullable: true }) contactPhone: string | null;
  @Column('text') scale: Scale;
  @Column('text') scaleRegime: SizeRegimeCode;
  @Column('text') scaleBasis: string;
  @Column('timestamptz') scaleComputedAt: Date;
  @Column('text') products: string;
  @Column('jsonb') capacities: Capacity[];
  @Column('jsonb') certifications: Certification[];
  @Column('text', { array: true }) certificationTypes: string[];
  @Column('text', { array: true }) needs: Need[];
  @Column('jsonb', { nullable: true }) pic: Pic | null;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
  @Column('integer') version: number;
}
