import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, ApiPage, ApiProblems, CurrentActor, IfMatch, ListQueryDto, Page, Roles } from '@claimdesk/core';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';
import { UserView } from './user.view';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: UserView })
  @ApiProblems('forbidden', 'already_exists', 'weak_password')
  create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto): Promise<UserView> {
    return this.users.create(actor, body);
  }

  @Get()
  @Roles('editor')
  @ApiPage(UserView)
  @ApiProblems('forbidden')
  list(@Query() query: ListQueryDto): Promise<Page<UserView>> {
    return this.users.list(query.limit, query.cursor);
  }

  @Get(':id')
  @Roles('editor')
  @ApiOkResponse({ type: UserView })
  @ApiProblems('forbidden', 'not_found')
  get(@Param('id') id: string): Promise<UserView> {
    return this.users.get(id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: UserView })
  @ApiProblems('forbidden', 'not_found', 'version_conflict', 'weak_password', 'last_admin')
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: UpdateUserDto, @IfMatch() version?: number): Promise<UserView> {
    return this.users.update(actor, id, body, version);
  }
}
