import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, Authenticated, CurrentActor, IdParam, type Page, PageView, Role } from '@jalin/core';
import { UpdateOrganizationDto } from './dto/organization.dto.js';
import { EnterpriseSearchQuery, PartnerListQuery } from './dto/search.dto.js';
import { OrganizationView } from './dto/organization.views.js';
import { OrganizationsService } from './organizations.service.js';

@ApiTags('organisations')
@Controller('enterprises')
export class EnterprisesController {
  constructor(private readonly orgs: OrganizationsService) {}

  @Get()
  @Authenticated({ roles: [Role.PARTNER, Role.MINISTRY, Role.ADMIN] })
  @ApiOperation({ summary: 'Search small firms: q (full text over name and products, typo-tolerant), kbli and region prefixes, certification (valid today), scale, need' })
  @ApiOkResponse({ type: PageView(OrganizationView), description: 'Public profiles' })
  search(@Query() query: EnterpriseSearchQuery): Promise<Page<OrganizationView>> {
    return this.orgs.searchEnterprises(query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'A small firm’s public profile; its members, ministry and admin see it in full' })
  @ApiOkResponse({ type: OrganizationView })
  @ApiNotFoundResponse()
  get(@CurrentActor() actor: Actor, @IdParam('Enterprise') id: string): Promise<OrganizationView> {
    return this.orgs.findOne(actor, 'enterprise', id);
  }

  @Patch(':id')
  @Authenticated({ roles: [Role.ENTERPRISE] })
  @ApiOperation({ summary: 'Update own profile; size class recomputed; a class above KECIL is refused (409)' })
  @ApiOkResponse({ type: OrganizationView })
  @ApiNotFoundResponse({ description: 'Not found, or not your organisation' })
  @ApiConflictResponse({ description: 'Stale version, duplicate NIB, or a size class the firm may not have' })
  update(@CurrentActor() actor: Actor, @IdParam('Enterprise') id: string, @Body() dto: UpdateOrganizationDto): Promise<OrganizationView> {
    return this.orgs.update(actor, 'enterprise', id, dto);
  }
}

@ApiTags('organisations')
@Controller('partners')
export class PartnersController {
  constructor(private readonly orgs: OrganizationsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Partners (medium and large firms), by name; `q` keeps those whose name holds every word' })
  @ApiOkResponse({ type: PageView(OrganizationView), description: 'Public profiles' })
  list(@Query() query: PartnerListQuery): Promise<Page<OrganizationView>> {
    return this.orgs.listPartners(query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'A partner’s profile, with its PIC (penanggung jawab kemitraan)' })
  @ApiOkResponse({ type: OrganizationView })
  @ApiNotFoundResponse()
  get(@CurrentActor() actor: Actor, @IdParam('Partner') id: string): Promise<OrganizationView> {
    return this.orgs.findOne(actor, 'partner', id);
  }

  @Patch(':id')
  @Authenticated({ roles: [Role.PARTNER] })
  @ApiOperation({ summary: 'Update own profile, including the PIC; a class below MENENGAH is refused (409)' })
  @ApiOkResponse({ type: OrganizationView })
  @ApiNotFoundResponse({ description: 'Not found, or not your organisation' })
  @ApiConflictResponse()
  update(@CurrentActor() actor: Actor, @IdParam('Partner') id: string, @Body() dto: UpdateOrganizationDto): Promise<OrganizationView> {
    return this.orgs.update(actor, 'partner', id, dto);
  }
}
