import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, ApiProblems, CurrentActor, Public, Settings, SETTINGS } from '@claimdesk/core';
import { AuthService } from './auth.service';
import { AuthRequest, tokenOf } from './auth.guard';
import { expiredSessionCookie, sessionCookie } from './session-cookie';
import { LoginDto, LoginResult, LogoutDto } from './dto/login.dto';
import { ChangePasswordDto } from './dto/password.dto';
import { UsersService } from './users.service';
import { UserView } from './user.view';

@ApiTags('identity')
@Controller('api/v1')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResult, description: 'also sets the HttpOnly session cookie' })
  @ApiProblems('rate_limited')
  async login(@Body() body: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResult> {
    const signedIn = await this.auth.login(body.email, body.password, request.ip);
    void reply.header('Set-Cookie', sessionCookie(signedIn.token, new Date(signedIn.expiresAt), this.settings.publicUrl.startsWith('https:')));
    return { token: signedIn.token, user: signedIn.user };
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiBody({ type: LogoutDto, required: false })
  @ApiNoContentResponse({ description: 'the session (cookie or bearer token) is revoked' })
  @ApiProblems('csrf_rejected')
  async logout(@Body() _none: LogoutDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const token = tokenOf(request as unknown as AuthRequest);
    if (token) await this.auth.logout(token);
    void reply.header('Set-Cookie', expiredSessionCookie());
  }

  @Post('me/password')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiNoContentResponse({ description: 'the password is changed; every other session of the user is revoked, this one stays' })
  @ApiProblems('forbidden', 'csrf_rejected', 'weak_password', 'rate_limited')
  async changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordDto, @Req() request: FastifyRequest): Promise<void> {
    const token = tokenOf(request as unknown as AuthRequest) ?? '';
    await this.users.changeOwnPassword(actor, token, body.currentPassword, body.newPassword, request.ip);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserView })
  @ApiProblems()
  me(@CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.get(actor.id);
  }
}
