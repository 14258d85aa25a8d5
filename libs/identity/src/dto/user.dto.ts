import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { OptionalNotNull, ROLES, Role, Trimmed } from '@claimdesk/core';


export class CreateUserDto {
  @ApiProperty({ example: 'reviewer@newsroom.example' })
  @Trimmed()
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'Ana Reviewer' })
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12)
  @MaxLength(1024)
  password!: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @OptionalNotNull()
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @OptionalNotNull()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ minLength: 12 })
  @OptionalNotNull()
  @IsString()
  @MinLength(12)
  @MaxLength(1024)
  password?: string;

  @ApiPropertyOptional({ description: 'a disabled user cannot sign in; their sessions end' })
  @OptionalNotNull()
  @IsBoolean()
  disabled?: boolean;
}
