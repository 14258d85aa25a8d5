import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiPage, ApiProblems, Page } from '@claimdesk/core';
import { SearchService } from './search.service';
import { SearchResult } from './search.view';
import { SearchQueryDto } from './search-query.dto';

@ApiTags('search')
@ApiBearerAuth()
@Controller('api/v1/search')
export class SearchController {
  constructor(private readonly searching: SearchService) {}

  @Get()
  @ApiPage(SearchResult, 'best first: article titles and text, claim quotes, claimants and claimReviewed, notes (not deleted ones), source titles and URLs, verdict rationales')
  @ApiProblems()
  search(@Query() query: SearchQueryDto): Promise<Page<SearchResult>> {
    return this.searching.search(query);
  }
}
