export { loadGatewayConfig, type GatewayConfig } from './config';
export { startGatewayServer } from './server';
