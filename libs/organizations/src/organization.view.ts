import { OrganizationView } from './dto/organization.views.js';
import { Organization } from './entities/organization.entity.js';

export { OrganizationView };

/**
 * The JSON shape of an organisation. `full` (its own members, ministry, admin) adds what is private:
 * tax number, financial figures, and the record's version.
 */
export function toOrganizationView(o: Organization, full: boolean): OrganizationView {
  const today = new Date().toISOString().slice(0, 10);
  const base: OrganizationView = {
    id: o.id,
    kind: o.kind,
    name: o.name,
    nib: o.nib,
    legalForm: o.legalForm,
    address: o.address,
    regionCode: o.regionCode,
    provinceCode: o.provinceCode,
    location: o.lat === null || o.lng === null ? null : { lat: o.lat, lng: o.lng },
    kbliCodes: o.kbliCodes,
    workforce: o.workforce,
    foundedYear: o.foundedYear,
    contactEmail: o.contactEmail,
    contactPhone: o.contactPhone,
    scale: o.scale,
    scaleRegime: o.scaleRegime,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
  if (o.kind === 'enterprise') {
    Object.assign(base, {
      products: o.products,
      capacities: o.capacities,
      certifications: o.certifications.map((c) => ({ ...c, valid: c.validUntil === null || c.validUntil >= today })),
      needs: o.needs,
    } satisfies Partial<OrganizationView>);
  } else {
    Object.assign(base, { pic: o.pic } satisfies Partial<OrganizationView>);
  }
  if (full) {
    Object.assign(base, {
      npwp: o.npwp,
      netAssetsIdr: o.netAssetsIdr,
      annualSalesIdr: o.annualSalesIdr,
      scaleBasis: o.scaleBasis,
      scaleComputedAt: o.scaleComputedAt,
      version: o.version,
    } satisfies Partial<OrganizationView>);
  }
  return base;
}
