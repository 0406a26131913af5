/** The app's version, shown in the UI and written into project files. */
export const APP_VERSION = '0.1.0';
