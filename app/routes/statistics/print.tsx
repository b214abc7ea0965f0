// Placeholder until the statistics screens land.
export default function Placeholder() {
  return null;
}
