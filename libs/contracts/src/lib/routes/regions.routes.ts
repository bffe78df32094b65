import { z } from 'zod';
import { jsonRoute } from './route';

void z;
void jsonRoute;

export const regionsRoutes = {};
