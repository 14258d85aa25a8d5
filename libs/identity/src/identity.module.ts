import { Global, Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginLimit } from './login-limit';
import { SessionWatch } from './session-watch';
import { LoginFailure, Session } from './session.entity';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([User, Session, LoginFailure])],
  controllers: [AuthController, UsersController],
  providers: [AuthService, UsersService, LoginLimit, SessionWatch, AuthGuard, { provide: APP_GUARD, useExisting: AuthGuard }],
  exports: [UsersService, SessionWatch, AuthGuard],
})
export class IdentityModule implements OnApplicationBootstrap {
  constructor(private readonly users: UsersService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.users.ensureFirstAdmin();
  }
}
