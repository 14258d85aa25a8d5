import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArticlesModule } from '@claimdesk/articles';
import { ArticleRevisionService } from './article-revision.service';
import { ClaimAnchoring, ClaimCorrection, ClaimSpan } from './claim.entity';
import { ClaimsController } from './claims.controller';
import { ClaimsService } from './claims.service';

@Module({
  imports: [TypeOrmModule.forFeature([ClaimSpan, ClaimAnchoring, ClaimCorrection]), ArticlesModule],
  controllers: [ClaimsController],
  providers: [ClaimsService, ArticleRevisionService],
  exports: [ClaimsService],
})
export class ClaimsModule {}
