import { ApiProperty } from '@nestjs/swagger';

export class RegionView {
  @ApiProperty({ example: '33.20', description: 'Kemendagri code' }) code: string;
  @ApiProperty({ example: 'KAB. JEPARA' }) name: string;
  @ApiProperty({ enum: ['province', 'regency', 'district', 'village'] }) level: 'province' | 'regency' | 'district' | 'village';
  @ApiProperty({ type: String, nullable: true }) parentCode: string | null;
  @ApiProperty({ example: '33' }) provinceCode: string;
  @ApiProperty({ enum: ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'], description: 'WIB, WITA or WIT, from the province' }) timeZone: string;
}

export class RegionListView {
  @ApiProperty({ type: [RegionView] }) items: RegionView[];
}

export class KbliView {
  @ApiProperty({ example: '10794' }) code: string;
  @ApiProperty({ description: '1 = section (letter) … 5 = five-digit group', enum: [1, 2, 3, 4, 5] }) level: number;
  @ApiProperty({ example: 'C' }) section: string;
  @ApiProperty({ type: String, nullable: true }) parentCode: string | null;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
}

export class KbliListView {
  @ApiProperty({ type: [KbliView] }) items: KbliView[];
}
