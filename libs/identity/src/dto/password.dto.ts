import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  currentPassword!: string;

  @ApiProperty({ minLength: 12, description: 'at least 12 characters, not among the 10,000 most common passwords' })
  @IsString()
  @MinLength(12)
  @MaxLength(1024)
  newPassword!: string;
}
