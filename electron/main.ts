import { runApp } from './app';

// runApp deals with the engine failing to start; anything else it throws leaves no window to show: end the app with
// the reason on stderr rather than idle windowless.
runApp().catch((error: unknown) => {
  console.error('Minato could not start:', error);
  process.exit(1);
});
