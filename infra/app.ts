import { App } from 'aws-cdk-lib';
import { buildShoalApp } from './shoal-app';

buildShoalApp(new App());
