import { create } from 'zustand';

/** Whether the keyboard shortcuts dialog is open (the list's `?` and the sidebar's button open it). */
export const useHelpStore = create<{ open: boolean }>(() => ({ open: false }));

export const openKeyboardHelp = () => useHelpStore.setState({ open: true });
export const closeKeyboardHelp = () => useHelpStore.setState({ open: false });
