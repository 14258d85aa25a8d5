import { usePasswordCost } from '@claimdesk/identity/password';

// jest setup file of the API suites: accounts hashed at a test cost (see usePasswordCost).
usePasswordCost({ n: 2 ** 10, r: 8, p: 1 });
