import type { Capacity, CertificationInput, Need, Organization, Pic, UpdateOrganizationBody } from '../../api/types';

export const NEEDS: readonly Need[] = ['CAPITAL', 'MARKETING', 'RAW_MATERIALS', 'TECHNOLOGY', 'MANAGEMENT', 'BUREAUCRACY', 'INFRASTRUCTURE', 'PARTNERSHIP'];
export const CERTIFICATIONS = ['PIRT', 'HALAL', 'SNI', 'BPOM_MD', 'BPOM_ML', 'ISO_9001', 'ORGANIC'] as const;
export const PERIODS = ['WEEK', 'MONTH', 'YEAR'] as const;

export type Kind = 'enterprise' | 'partner';

/** The profile as the form holds it (empty strings for blank text). */
export interface OrgValues {
  name: string;
  nib: string;
  npwp: string;
  legalForm: string;
  address: string;
  regionCode: string | null;
  kbliCodes: string[];
  netAssetsIdr: number | null;
  annualSalesIdr: number | null;
  workforce: number | null;
  foundedYear: number | null;
  contactEmail: string;
  contactPhone: string;
  products: string;
  capacities: Capacity[];
  certifications: CertificationInput[];
  needs: Need[];
  pic: Pic;
}

export const emptyOrg = (): OrgValues => ({
  name: '',
  nib: '',
  npwp: '',
  legalForm: '',
  address: '',
  regionCode: null,
  kbliCodes: [],
  netAssetsIdr: null,
  annualSalesIdr: null,
  workforce: null,
  foundedYear: null,
  contactEmail: '',
  contactPhone: '',
  products: '',
  capacities: [],
  certifications: [],
  needs: [],
  pic: { name: '', position: '', email: '', phone: '' },
});

export function orgValuesFrom(o: Organization): OrgValues {
  return {
    name: o.name,
    nib: o.nib,
    npwp: o.npwp ?? '',
    legalForm: o.legalForm ?? '',
    address: o.address ?? '',
    regionCode: o.regionCode,
    kbliCodes: o.kbliCodes ?? [],
    netAssetsIdr: o.netAssetsIdr ?? null,
    annualSalesIdr: o.annualSalesIdr ?? null,
    workforce: o.workforce,
    foundedYear: o.foundedYear,
    contactEmail: o.contactEmail ?? '',
    contactPhone: o.contactPhone ?? '',
    products: o.products ?? '',
    capacities: (o.capacities ?? []).map((c) => ({ ...c })),
    certifications: (o.certifications ?? []).map(({ type, number, validUntil }) => ({ type, number, validUntil })),
    needs: o.needs ?? [],
    pic: o.pic ? { ...o.pic } : { name: '', position: '', email: '', phone: '' },
  };
}

const blank = (s: string) => (s.trim() === '' ? undefined : s.trim());
const blankNull = (s: string) => (s.trim() === '' ? null : s.trim());

/**
 * The request body for a profile: blank optional text is left out on registration and cleared
 * (null) on an update; enterprise-only and partner-only fields are sent for their kind only.
 */
export function orgBody(v: OrgValues, kind: Kind, mode: 'register' | 'update'): UpdateOrganizationBody {
  const opt = mode === 'register' ? blank : blankNull;
  const body: UpdateOrganizationBody = {
    name: v.name.trim(),
    nib: v.nib.trim(),
    npwp: blank(v.npwp),
    legalForm: blank(v.legalForm),
    address: blank(v.address),
    regionCode: v.regionCode ?? undefined,
    kbliCodes: v.kbliCodes,
    netAssetsIdr: v.netAssetsIdr ?? (mode === 'update' ? null : undefined),
    annualSalesIdr: v.annualSalesIdr ?? (mode === 'update' ? null : undefined),
    workforce: v.workforce ?? (mode === 'update' ? null : undefined),
    foundedYear: v.foundedYear ?? (mode === 'update' ? null : undefined),
    contactEmail: opt(v.contactEmail) as string | undefined,
    contactPhone: opt(v.contactPhone) as string | undefined,
  };
  if (kind === 'enterprise') {
    Object.assign(body, {
      products: v.products.trim(),
      capacities: v.capacities.map((c) => ({ ...c, product: c.product.trim(), unit: c.unit.trim() })),
      certifications: v.certifications.map((c) => ({ type: c.type.trim(), number: c.number.trim(), validUntil: c.validUntil || null })),
      needs: v.needs,
    });
  } else {
    const p = v.pic;
    const anyPic = [p.name, p.position, p.email, p.phone].some((x) => x.trim());
    if (anyPic) body.pic = { name: p.name.trim(), position: p.position.trim(), email: p.email.trim(), phone: p.phone.trim() };
    else if (mode === 'update') body.pic = null;
  }
  // Optional fields left undefined are not sent at all.
  return Object.fromEntries(Object.entries(body).filter(([, x]) => x !== undefined)) as UpdateOrganizationBody;
}
