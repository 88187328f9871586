import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, Authenticated, CurrentActor, IdParam, type Page, PageView } from '@jalin/core';
import { NotificationListQuery, NotificationPreferences, NotificationView } from './dto/notification.dto.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Own notifications (addressed to the caller or the caller’s organisation), newest first; `unread=true` for unread only' })
  @ApiOkResponse({ type: PageView(NotificationView) })
  list(@CurrentActor() actor: Actor, @Query() query: NotificationListQuery): Promise<Page<NotificationView>> {
    return this.notifications.list(actor, query);
  }

  @Get('preferences')
  @Authenticated()
  @ApiOperation({ summary: 'The caller’s e-mail preferences per notification kind; kinds not listed are e-mailed' })
  @ApiOkResponse({ type: NotificationPreferences })
  preferences(@CurrentActor() actor: Actor): Promise<NotificationPreferences> {
    return this.notifications.preferences(actor);
  }

  @Put('preferences')
  @Authenticated()
  @ApiOperation({ summary: 'Turn e-mail on or off per notification kind for the caller; kinds not listed keep their setting' })
  @ApiOkResponse({ type: NotificationPreferences })
  setPreferences(@CurrentActor() actor: Actor, @Body() body: NotificationPreferences): Promise<NotificationPreferences> {
    return this.notifications.setPreferences(actor, body.items);
  }

  @Post(':id/read')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a notification read for the caller; repeating it changes nothing' })
  @ApiOkResponse({ type: NotificationView })
  @ApiNotFoundResponse({ description: 'No such notification, or not addressed to the caller' })
  read(@CurrentActor() actor: Actor, @IdParam('Notification') id: string): Promise<NotificationView> {
    return this.notifications.markRead(actor, id);
  }
}
