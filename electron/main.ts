import { runApp } from './app';

void runApp();
