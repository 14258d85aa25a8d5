import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { UserView } from '../user.view';

export class LoginDto {
  @ApiProperty({ example: 'editor@newsroom.example' })
  @IsString()
  @MinLength(3)
  @MaxLength(320)
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;
}

export class LoginResult {
  @ApiProperty({ description: 'bearer token; also set as the HttpOnly session cookie' }) token!: string;
  @ApiProperty({ type: UserView }) user!: UserView;
}

/** The body of a logout: none, or `{}`. It has no fields, so any field is refused. */
@ApiSchema({ description: 'no fields: send no body, or {}' })
export class LogoutDto {}
