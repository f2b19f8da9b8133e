export const LAKEFORM_VERSION = '0.1.0';
