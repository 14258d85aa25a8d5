import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClaimsModule } from '@claimdesk/claims';
import { SourcesModule } from '@claimdesk/sources';
import { FactChecksModule } from '@claimdesk/fact-checks';
import { RatingScalesService } from './rating-scales.service';
import { RatingScale, Verdict } from './verdict.entity';
import { VerdictsController } from './verdicts.controller';
import { VerdictsService } from './verdicts.service';

@Module({
  imports: [TypeOrmModule.forFeature([Verdict, RatingScale]), ClaimsModule, SourcesModule, FactChecksModule],
  controllers: [VerdictsController],
  providers: [VerdictsService, RatingScalesService],
  exports: [VerdictsService, RatingScalesService],
})
export class VerdictsModule {}
