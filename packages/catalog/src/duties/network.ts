import { ref } from '../documents.ts';
import { on } from './shared.ts';
import type { TDutyInput } from './shared.ts';

/** ネットワーク (networks, VPN, lines). */
export const networkDuties: TDutyInput[] = [
  {
    code: 'NET-01',
    title: { ja: 'ネットワーク利用の責任分界と通信事業者の確認', en: 'Responsibility split for the network and checks with the carrier' },
    description: {
      ja: '回線・VPN・院内ネットワークについて、通信事業者・ネットワーク事業者・システム事業者それぞれの管理範囲と共同で対応する範囲（誰が、何を、いつ）を明らかにする。閉域網に通信路の安全を期待する場合は、その確保範囲と通信事業者のSLAを契約前に確認する。',
      en: 'For lines, VPN and the in-house network, make clear what the carrier, the network vendor and the system vendor each manage and what they handle together (who, what, when). Where the design relies on a closed network for channel security, confirm before contracting how far the carrier guarantees it and what its SLA says.',
    },
    phase: 'pre_contract',
    category: 'network',
    appliesTo: on('internet_line'),
    kakuninhyoPart: 2,
    order: 800,
    references: [
      ref('mhlw-gl6-ops', '§13 遵守事項①'),
      ref('mhlw-gl6-ops', '§13 遵守事項③', 'チャネル・セキュリティの確保範囲を電気通信事業者に確認'),
      ref('mhlw-gl6-ops', '§13.1.2'),
    ],
  },
  {
    code: 'NET-02',
    title: { ja: 'ネットワークの構成分割とセキュアな構成管理', en: 'Network segmentation and secure configuration' },
    description: {
      ja: 'サイバー攻撃の被害拡大を防ぐため、ネットワークを論理的・物理的に分割し、接続してよい機器と通信を制御する。構成を変更した場合は構成図に反映する。',
      en: 'Split the network logically or physically so that an attack cannot spread, and control which devices may connect and which traffic may flow. Configuration changes are reflected in the network diagram.',
    },
    phase: 'normal',
    category: 'network',
    appliesTo: on('network_device'),
    concerns: ['network_isolation'],
    kakuninhyoPart: 2,
    order: 810,
    references: [
      ref('mhlw-gl6-ops', '§11 遵守事項①', '論理的/物理的に構成分割されたネットワーク'),
      ref('mhlw-gl6-ops', '§13.1.1'),
    ],
  },
  {
    code: 'NET-03',
    title: { ja: 'VPN接続の方式選定と設定', en: 'Choose and configure the VPN connection' },
    description: {
      ja: 'VPNはIPsec等の安全性の高い方式を基本とし、HTTPSを使う場合はTLS1.3（困難な場合TLS1.2）とクライアント証明書による認証を設定する。施設内のルータを経由して他施設間の通信が通らないよう経路を設定する。',
      en: 'Use a robust VPN method such as IPsec by default; where HTTPS is used instead, configure TLS 1.3 (TLS 1.2 where unavoidable) with client-certificate authentication. Set routing so that traffic between other sites cannot pass through the hospital’s router.',
    },
    phase: 'normal',
    category: 'network',
    appliesTo: on('vpn_appliance'),
    kakuninhyoPart: 2,
    order: 820,
    references: [
      ref('mhlw-gl6-ops', '§13 遵守事項⑤'),
      ref('mhlw-gl6-ops', '§13 遵守事項⑥'),
      ref('mhlw-gl6-ops', '§13.1.2'),
    ],
  },
  {
    code: 'NET-04',
    title: { ja: '不正な通信の検知・遮断と監視', en: 'Detect, block and monitor illegitimate traffic' },
    description: {
      ja: 'ファイアウォールに加えてIDS/IPS等の導入を検討し、外部接続点のトラフィックを監視する。リスクの高い箇所から重点的に監視し、異常を検知したら取り決めた連絡先に通知する。',
      en: 'In addition to the firewall, consider IDS/IPS and monitor traffic at the connection points to the outside, starting with the riskiest ones; anomalies are notified to the agreed contacts.',
    },
    phase: 'normal',
    category: 'network',
    appliesTo: on('network_device', 'vpn_appliance'),
    kakuninhyoPart: 2,
    order: 830,
    references: [ref('mhlw-gl6-ops', '§13.2'), ref('mhlw-gl6-ops', '§13 遵守事項⑪')],
  },
  {
    code: 'NET-05',
    title: { ja: '無線LANの対策', en: 'Wireless LAN safeguards' },
    description: {
      ja: '無線LANは正規の利用者以外が接続できないよう設定し（ANY接続拒否等）、WPA2-AES以上で暗号化する。電波の状況を確認し、診療を妨げない機器を選ぶ。',
      en: 'Configure the wireless LAN so only legitimate users can join (e.g. refuse ANY connections) and encrypt it with WPA2-AES or better; check radio conditions and choose equipment that does not disturb care.',
    },
    phase: 'normal',
    category: 'network',
    appliesTo: on('network_device'),
    kakuninhyoPart: 2,
    order: 840,
    references: [ref('mhlw-gl6-ops', '§13 遵守事項⑬'), ref('mhlw-gl6-ops', '§13.4')],
  },
  {
    code: 'NET-06',
    title: { ja: 'インターネット回線の契約・維持と障害時の連絡', en: 'Internet line: contract, upkeep and outage contact' },
    description: {
      ja: '回線の契約者と費用負担、障害時に通信事業者へ連絡する担当を決め、回線障害の影響（リモート保守・クラウド利用の停止）と連絡手順を関係者で共有する。',
      en: 'Decide who holds and pays for the line contract and who calls the carrier when it fails; share with everyone involved what an outage stops (remote maintenance, cloud use) and how to report it.',
    },
    phase: 'normal',
    category: 'network',
    appliesTo: on('internet_line'),
    kakuninhyoPart: 2,
    order: 850,
    references: [
      ref('risk-communication-2023', 'slide 24', 'リモート保守の検討対象としてのインターネット回線'),
      ref('risk-communication-2023', 'slide 26'),
      ref('mhlw-gl6-ops', '§13.1.2', '電気通信事業者との責任分界の範囲'),
    ],
  },
  {
    code: 'NET-07',
    title: { ja: '通信の暗号化と相互認証', en: 'Encrypted communication and mutual authentication' },
    description: {
      ja: '医療機関の外部と医療情報をやり取りする通信にTLSを適切に設定し、通信相手が正当であることを相互に認証する。必要に応じて送る情報そのものも暗号化する。',
      en: 'Configure TLS properly for communication that carries medical information outside the hospital and authenticate both ends to each other; where needed, encrypt the information itself as well.',
    },
    phase: 'normal',
    category: 'network',
    appliesTo: on('cloud_service'),
    kakuninhyoPart: 2,
    order: 860,
    references: [
      ref('mhlw-gl6-ops', '§13 遵守事項⑦'),
      ref('mhlw-gl6-ops', '§13 遵守事項⑫', '相互認証'),
      ref('mhlw-gl6-ops', '§13.3.1'),
    ],
  },
];
