import { Module } from '@nestjs/common';
import { ClaimsModule } from '@claimdesk/claims';
import { FactChecksController } from './fact-checks.controller';
import { Embeddings } from './embeddings';
import { FactChecksService } from './fact-checks.service';

@Module({
  imports: [ClaimsModule],
  controllers: [FactChecksController],
  providers: [FactChecksService, Embeddings],
  exports: [FactChecksService],
})
export class FactChecksModule {}
