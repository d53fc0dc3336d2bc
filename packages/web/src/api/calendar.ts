import {
  calendarVersionListSchema,
  calendarYearSchema,
  type EnterCalendarVersion,
  enteredCalendarVersionSchema,
  provisionalClockListSchema,
} from '@yiwang/contracts';
import { api, queryString } from './client.ts';

export const fetchCalendarVersions = async () =>
  (await api.get('/api/v1/calendar/versions', calendarVersionListSchema)).items;

export const fetchCalendarYear = (year: number) =>
  api.get(`/api/v1/calendar/year${queryString({ year })}`, calendarYearSchema);

export const enterCalendarVersion = (input: EnterCalendarVersion) =>
  api.post('/api/v1/calendar/versions', input, enteredCalendarVersionSchema);

export const fetchProvisionalClocks = () =>
  api.get('/api/v1/calendar/provisional-clocks', provisionalClockListSchema);
