import { readSubgraphSdl, type SubgraphDefinition, Topics } from '@eq/shared';
import { parse } from 'graphql';
import { buildContext, type Context } from './context';
import { CertificateEntity } from './entities/certificate';
import { PsychologistEntity } from './entities/psychologist';
import { StatusChangeEntity } from './entities/statusChange';
import { CreatePsychologistRegister1732300000400 } from './migrations/1732300000400-CreatePsychologistRegister';
import { resolvers } from './resolvers';

/** The practitioners subgraph: the register of psychologists (child-minders and private practice to follow). */
export const practitioners: SubgraphDefinition<Context> = {
  name: 'practitioners',
  typeDefs: parse(readSubgraphSdl('practitioners')),
  resolvers,
  entities: [PsychologistEntity, CertificateEntity, StatusChangeEntity],
  migrations: [CreatePsychologistRegister1732300000400],
  publishes: [Topics.practitionersPsychologist],
  buildContext,
};
