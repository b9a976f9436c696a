const camel = (dotted: string) =>
  dotted
    .split(/[.-]/)
    .map((part, index) => (index === 0 ? part : part[0]!.toUpperCase() + part.slice(1)))
    .join('');

/** `registry.institution.v1` → `registryInstitutionV1`. */
export const channelId = (topic: string) => camel(topic);

/** `registry.institution.registered` → `registryInstitutionRegistered`. */
export const messageId = (eventType: string) => camel(eventType);
