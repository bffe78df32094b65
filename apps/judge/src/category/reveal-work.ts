/**
 * After a team is chosen in a stacked layout (portrait, phone), brings the work area into view
 * instead of leaving it below the team list.
 */
export function revealWork(elementId: string): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(elementId);
    if (!element) return;
    const top = element.getBoundingClientRect().top;
    if (top > window.innerHeight * 0.6 || top < 0) element.scrollIntoView({ block: 'start' });
  });
}
