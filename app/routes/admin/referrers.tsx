// Placeholder until the admin screens land.
export default function Placeholder() {
  return null;
}
