// Placeholder until the import screen lands.
export default function Placeholder() {
  return null;
}
